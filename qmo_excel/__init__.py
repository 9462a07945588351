"""qmo_excel: ISO 9001 quality objectives (mục tiêu chất lượng) rounds with Excel."""

__version__ = "0.1.0"
