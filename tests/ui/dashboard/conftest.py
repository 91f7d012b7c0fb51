"""The dashboard's tests use the metrics' story: a first quarter with hand-computed figures."""

from tests.planner.metrics.conftest import story, utc_local_time

__all__ = ["story", "utc_local_time"]
