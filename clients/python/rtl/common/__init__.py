"""The seed's module layout (``rtl.common.transform``), so a raspi-rtl script runs with its import line unchanged."""
