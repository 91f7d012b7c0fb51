"""``make bench``: the planner's hot paths timed against baselines measured in the same run."""
