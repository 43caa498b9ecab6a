"""The same model written with other libraries, for the benchmarks.

* :mod:`peers.pydantic_model`: pydantic v2 models;
* :mod:`peers.msgspec_model`: msgspec Structs.

Both share the cross-field rules in :mod:`peers.rules`, written once in plain
Python over attribute access, as a user porting peacetalks would write them.
"""
