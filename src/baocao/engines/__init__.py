"""Rendering engines: each turns a report (through its layout) into one output format."""
