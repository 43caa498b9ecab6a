"""Importers and exporters for the field's datasets."""
