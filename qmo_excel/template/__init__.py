"""Writers of the unit workbook we hand out: the blank template and the pre-filled one per
unit. Every sheet, field and label comes from ``qmo_excel.spec``."""

from qmo_excel.template.prefill import prefilled_name, write_prefilled
from qmo_excel.template.unit_book import TEMPLATE_FILES, write_unit_workbook

__all__ = ["TEMPLATE_FILES", "prefilled_name", "write_prefilled", "write_unit_workbook"]
