"""Close monitoring: sources polled over HTTP or from drop folders, watch rules evaluated at ingest, alerts."""
