"""The site search: one box that finds news, events, people, organisations and pages."""
