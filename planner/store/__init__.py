"""Persistence: the only package that speaks SQL. Repositories per aggregate, one SQLite file."""
