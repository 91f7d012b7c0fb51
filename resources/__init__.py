"""Data files shipped with the planner: fonts (DejaVu and its license), letter templates, icons.

A package so that ``importlib.resources.files("resources")`` finds them the same way in a checkout,
an editable install and an installed wheel.
"""
