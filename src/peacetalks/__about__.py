"""Version information for peacetalks."""

__version__ = "0.1.0"
