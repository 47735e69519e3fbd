"""One module per return; each calls `caseload.returns.registry.register`."""
