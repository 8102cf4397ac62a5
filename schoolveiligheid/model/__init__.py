"""The policy model: validated, typed, with board values inherited and references resolved."""

from .catalogue import Catalogue, CatalogueEntry
from .policy import BoardFile, Policy
from .resolve import ResolvedRole
from .school import SchoolModel, duplicate_id, load_read_files, load_school, load_schools

__all__ = [
    "BoardFile",
    "Catalogue",
    "CatalogueEntry",
    "Policy",
    "ResolvedRole",
    "SchoolModel",
    "duplicate_id",
    "load_read_files",
    "load_school",
    "load_schools",
]
