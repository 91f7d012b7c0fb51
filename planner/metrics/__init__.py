"""The dashboard's numbers: funnel, sales, marketing and relationship metrics.

Pure functions over the facts the store's aggregate queries return (``planner/store/metrics.py``):
nothing here reads the file, so every figure can be checked by hand against a known history.
A metric without data is ``None``, never a division error.
"""
