"""The consent: whose name signs it, what a signature records, what is refused, who may see
the signed PDF, and signing again when the clinic publishes a new major version."""
