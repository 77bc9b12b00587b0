"""Where the per-document analysis runs: in this process or a local process pool."""
