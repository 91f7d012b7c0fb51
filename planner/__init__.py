"""The planner's Qt-free core: domain, storage, services, documents and interop.

Everything a user can do is possible through this package alone; the GUI in ``ui`` and the CLI
are two front ends over the same services.
"""

__version__ = "0.1.0"
