"""Uploaded pictures: verified, stored, resized into renditions, and shown."""
