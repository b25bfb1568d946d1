"""Shared test configuration: pytester runs pytest in a subprocess for the plugin and example tests."""

pytest_plugins = ["pytester"]
