"""Models of the newsletter app."""
