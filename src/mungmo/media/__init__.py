"""Media: uploaded photos (later videos), checked, cleaned of metadata, thumbnailed and served."""
