"""Creatives as code for the Videotok API."""

__version__ = "0.1.0"
