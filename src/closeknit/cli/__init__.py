"""Thin command-line adapters over the library API."""
