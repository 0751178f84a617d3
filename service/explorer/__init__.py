"""The graph explorer: one page served at /explore, with its graph library from an installed
package (vis-network as shipped in pyvis), so it needs no network besides this service."""

from service.explorer.router import router

__all__ = ["router"]
