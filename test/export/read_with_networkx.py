"""Reads a GEXF or GraphML file with networkx and prints what it read as JSON, for the export round-trip tests."""
import json
import sys

import networkx as nx

fmt, path = sys.argv[1], sys.argv[2]
G = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
edges = []
if G.is_multigraph():
    for source, target, key, data in G.edges(keys=True, data=True):
        edges.append({"source": source, "target": target, "id": str(key), "data": data})
else:
    for source, target, data in G.edges(data=True):
        edges.append({"source": source, "target": target, "id": data.get("id"), "data": data})
print(json.dumps({
    "directed": G.is_directed(),
    "multigraph": G.is_multigraph(),
    "graph": {k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")},
    "nodes": {str(n): data for n, data in G.nodes(data=True)},
    "edges": edges,
}, default=str))
