"""Find the vendor package to validate against (moved to common/, where record finds it too)."""

from ...common.vendor_package import load_vendor

__all__ = ["load_vendor"]
