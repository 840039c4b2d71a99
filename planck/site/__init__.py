"""``planck site``: a static website of every city, indicator and source (see build.py)."""
