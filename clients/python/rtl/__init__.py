"""Rtl from Python: ``rtl.Client(url).run(pipeline, table)`` with numpy tables, and the seed's
``rtl.common.transform.Transform``."""

from .client import DEFAULT_URL, Client, Pipelines, Result
from .errors import RtlError

__all__ = ["Client", "Pipelines", "Result", "RtlError", "DEFAULT_URL"]
__version__ = "0.1.0"
