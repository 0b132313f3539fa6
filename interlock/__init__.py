"""interlock: find patterns of conflict of interest across public records.

The public API lives in :mod:`interlock.case`; the command line in :mod:`interlock.cli` is a thin
wrapper over it.
"""

__version__ = "0.1.0"
