"""Where the bundled data folders live: in an installed wheel or in the repository.

The wheel copies ``templates/``, ``versions/`` and ``seeds/`` into the package
(``peacediff/<name>``); a source checkout keeps them at the repository's top level.
"""

from __future__ import annotations

import pathlib

_PACKAGE_DIR = pathlib.Path(__file__).resolve().parent


def resource_path(name: str) -> pathlib.Path:
    """The folder ``name`` ("templates", "versions", "seeds"): installed copy first, else the repository's.

    Example::

        >>> resource_path("templates").name
        'templates'
    """
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name
