# Reads a GEXF or GraphML file with networkx and igraph (Debian's python3-networkx and
# python3-igraph, under /usr/bin/python3) and prints what each saw as JSON: whether it opened the
# file (or the error it gave), directedness, and every node's and edge's attributes. Used by
# test/interchange/independent-readers.test.ts; igraph has no GEXF reader, so a GEXF file reaches
# igraph through networkx (igraph.Graph.from_networkx), and a GraphML file is read by igraph itself.
import json
import math
import sys

import igraph
import networkx
from networkx.readwrite import gexf as nx_gexf

# networkx recognises GEXF 1.3 from 3.6 on (networkx/networkx#8196, which only adds the version's
# namespaces: its reader is otherwise the same); Debian's 2.8 predates it, so the same entry is added here.
nx_gexf.GEXF.versions.setdefault(
    "1.3",
    {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    },
)


def clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


def attrs(data):
    return {k: clean(v) for k, v in data.items()}


def from_networkx(G):
    edges = []
    for u, v, key, data in G.edges(keys=True, data=True):
        edges.append({"source": u, "target": v, "id": data.get("id", key), "data": attrs(data)})
    return {
        "ok": True,
        "directed": G.is_directed(),
        "nodes": {n: attrs(d) for n, d in G.nodes(data=True)},
        "edges": edges,
    }


def from_igraph(g):
    names = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]
    nodes = {names[v.index]: attrs(v.attributes()) for v in g.vs}
    edges = [
        {"source": names[e.source], "target": names[e.target], "id": None, "data": attrs(e.attributes())} for e in g.es
    ]
    return {"ok": True, "directed": g.is_directed(), "nodes": nodes, "edges": edges}


def attempt(read):
    try:
        return read()
    except Exception as err:  # the reader's refusal is what the test reports
        return {"ok": False, "error": f"{type(err).__name__}: {err}"}


def main(path, fmt):
    if fmt == "gexf":
        def nx_read():
            G = networkx.read_gexf(path, version="1.3")
            return G if G.is_multigraph() else (networkx.MultiDiGraph(G) if G.is_directed() else networkx.MultiGraph(G))

        nx_result = attempt(lambda: from_networkx(nx_read()))

        def ig_read():
            g = igraph.Graph.from_networkx(networkx.read_gexf(path, version="1.3"), vertex_attr_hashable="id")
            return from_igraph(g)

        ig_result = attempt(ig_read)
    else:
        nx_result = attempt(lambda: from_networkx(networkx.read_graphml(path, force_multigraph=True)))
        ig_result = attempt(lambda: from_igraph(igraph.Graph.Read_GraphML(path)))
    print(json.dumps({"networkx": nx_result, "igraph": ig_result}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
