"""Writers of the workbooks we hand out: the unit template (blank or pre-filled per unit)
and the round workbook. Every sheet, field and label comes from ``qmo_excel.spec``."""

from qmo_excel.template.prefill import prefilled_name, write_prefilled
from qmo_excel.template.round_book import write_round_workbook
from qmo_excel.template.unit_book import TEMPLATE_FILES, write_unit_workbook

__all__ = ["TEMPLATE_FILES", "prefilled_name", "write_prefilled", "write_round_workbook",
           "write_unit_workbook"]
