"""Units written after a figure, so that a figure change keeps them ("10 km → 12 km").

Two sorts:

* measures (:data:`MEASURES`): a unit that changes what the number means.  Each
  written form maps to its kind ("distance", "area", ...), a base unit and the
  factor to it, so that "3 km" and "3,000 m" are the same figure and "10 km" and
  "10 miles" are not.
* counted nouns (:data:`COUNTED`): what a plain number counts ("600,000 troops").
  The noun is kept in the figure's text, but not in its identity: "600,000
  troops" → "600,000 personnel" is a change of wording, not of figure, and the
  word diff shows it.
"""

from __future__ import annotations

__all__ = ["COUNTED", "CURRENCY_UNITS", "MEASURES", "MEASURE_KINDS", "Measure"]

from typing import NamedTuple


class Measure(NamedTuple):
    """A unit of measure: the figure kind it makes, its base unit, and the factor to that base."""

    kind: str
    base: str
    factor: float


_LENGTH = {
    "km": 1000.0, "kilometres": 1000.0, "kilometers": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0,
    "m": 1.0, "metres": 1.0, "meters": 1.0, "metre": 1.0, "meter": 1.0,
    "miles": 1609.344, "mile": 1609.344, "nautical miles": 1852.0, "nautical mile": 1852.0, "nm": 1852.0,
}  # fmt: skip
_AREA = {
    "km²": 1.0, "km2": 1.0, "sq km": 1.0, "square kilometres": 1.0, "square kilometers": 1.0,
    "square kilometre": 1.0, "square kilometer": 1.0, "hectares": 0.01, "hectare": 0.01, "ha": 0.01,
    "square miles": 2.589988110336, "square mile": 2.589988110336, "acres": 0.004046856422, "acre": 0.004046856422,
}  # fmt: skip
_WEIGHT = {"tonnes": 1.0, "tonne": 1.0, "t": 1.0, "kg": 0.001, "kilograms": 0.001, "kilogram": 0.001}
_POWER = {"kw": 0.001, "mw": 1.0, "gw": 1000.0, "megawatts": 1.0, "megawatt": 1.0, "gigawatts": 1000.0,
          "gigawatt": 1000.0}  # fmt: skip
_ENERGY = {"kwh": 0.001, "mwh": 1.0, "gwh": 1000.0, "twh": 1e6}
_VOLUME = {"bcm": 1e9, "barrels": 0.158987294928, "barrel": 0.158987294928, "litres": 0.001, "liters": 0.001,
           "cubic metres": 1.0, "cubic meters": 1.0}  # fmt: skip

#: Written form (lower case) → measure.
MEASURES: dict[str, Measure] = {
    **{form: Measure("distance", "m", f) for form, f in _LENGTH.items()},
    **{form: Measure("area", "km²", f) for form, f in _AREA.items()},
    **{form: Measure("weight", "t", f) for form, f in _WEIGHT.items()},
    **{form: Measure("power", "MW", f) for form, f in _POWER.items()},
    **{form: Measure("energy", "MWh", f) for form, f in _ENERGY.items()},
    **{form: Measure("volume", "m³", f) for form, f in _VOLUME.items()},
}

#: Figure kinds the measures make, in the order reports list them.
MEASURE_KINDS: tuple[str, ...] = ("distance", "area", "weight", "volume", "power", "energy")

#: Nouns that say what a number counts (lower case, singular and plural).
COUNTED: frozenset[str] = frozenset(
    f"{noun}{ending}"
    for noun in (
        "soldier", "troop", "serviceman", "servicemen", "person", "prisoner", "detainee", "hostage", "civilian",
        "member", "seat", "deputy", "deputies", "representative", "observer", "monitor", "peacekeeper",
        "aircraft", "jet", "tank", "warhead", "missile", "vessel", "ship", "brigade", "division", "battalion",
        "refugee", "household", "job", "employee", "worker", "student", "school", "hospital", "home", "dose",
        "signatory", "signatories", "state", "country", "countries", "party", "parties", "village", "town",
        "city", "cities", "settlement", "checkpoint", "crossing",
    )
    for ending in ("", "s")
    if not (noun.endswith(("ies", "men")) and ending)
) | {"personnel", "people", "children", "staff", "men", "women", "aircraft"}


#: Units of a declared parameter that are currencies: written before the amount ("USD 100
#: billion") and compared as money.  (The figure reader also knows UAH and RUB in running text;
#: no bundled parameter declares them yet.)
CURRENCY_UNITS: tuple[str, ...] = ("USD", "EUR", "GBP")
