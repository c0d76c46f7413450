"""Pure screening steps run on every submission before anyone else sees it (PRODUCT.md §3, §6)."""
