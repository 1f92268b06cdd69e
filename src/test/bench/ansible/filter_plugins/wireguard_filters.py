"""The seed's filters (docs: seed/wireguard-incremental-peer-updates.md), written for the
benchmark: parse the hub's [Peer] sections by their name comment, merge the play's peers in."""


def parse_wireguard_peers(text):
    peers = {}
    current = None
    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.lower() == "[peer]":
            current = {"name": None}
            peers.setdefault("__order__", []).append(current)
            continue
        if line.startswith("[") and line.endswith("]"):
            current = None
            continue
        if current is None:
            continue
        if line.startswith("#"):
            if current["name"] is None:
                current["name"] = line.lstrip("#").strip()
            continue
        if "=" in line:
            key, value = [p.strip() for p in line.split("=", 1)]
            current[key.lower().replace("allowedips", "allowed_ips").replace("publickey", "public_key")
                        .replace("persistentkeepalive", "persistent_keepalive")] = value
    result = {}
    for p in peers.get("__order__", []):
        name = p.pop("name") or p.get("public_key")
        result[name] = p
    return result


def merge_wireguard_peers(existing, new):
    merged = dict(existing or {})
    for name, data in (new or {}).items():
        merged[name] = dict(merged.get(name, {}), **data)
    return merged


def filter_peers_by_inventory(peers, names):
    return {k: v for k, v in (peers or {}).items() if k in names}


class FilterModule(object):
    def filters(self):
        return {
            "parse_wireguard_peers": parse_wireguard_peers,
            "merge_wireguard_peers": merge_wireguard_peers,
            "filter_peers_by_inventory": filter_peers_by_inventory,
        }
