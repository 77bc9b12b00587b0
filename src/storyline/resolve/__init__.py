"""Cross-document stages: they read every document's Analysis and build the story."""
