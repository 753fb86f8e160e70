"""Pure renderers of plans, reports and diagnostics."""
