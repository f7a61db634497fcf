"""The watch floor on the web: a REST API (``api``) and a server-rendered dashboard (``pages``) in one app."""
