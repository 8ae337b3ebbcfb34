package vn.archive.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the archive's collection lives: {@code HOST:PORT[,HOST:PORT…]/collection}, each HOST:PORT a Solr node of the
 * cluster (its base URL is {@code http://HOST:PORT/solr}; a full {@code http://…/solr} URL is accepted too).
 */
public record SolrTarget(List<String> nodeUrls, String collection) {
    public SolrTarget {
        nodeUrls = List.copyOf(nodeUrls);
        Objects.requireNonNull(collection, "collection");
        if (nodeUrls.isEmpty()) {
            throw new IllegalArgumentException("no Solr node");
        }
    }

    /** Parses the {@code --solr} value; the message says what was expected, in Vietnamese and English. */
    public static SolrTarget parse(String value) {
        String v = value == null ? "" : value.strip();
        int slash = v.lastIndexOf('/');
        String nodes = slash < 0 ? "" : v.substring(0, slash);
        String collection = slash < 0 ? "" : v.substring(slash + 1);
        if (nodes.endsWith("/solr")) {
            nodes = nodes.substring(0, nodes.length() - "/solr".length());
        }
        if (nodes.isBlank() || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("--solr phải có dạng MÁY:CỔNG[,MÁY:CỔNG…]/tên-bộ-sưu-tập, không phải ["
                    + value + "] / --solr must read HOST:PORT[,HOST:PORT…]/collection, not [" + value + "]");
        }
        List<String> urls = new ArrayList<>();
        for (String node : nodes.split(",")) {
            String n = node.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (!n.toLowerCase(Locale.ROOT).startsWith("http://") && !n.toLowerCase(Locale.ROOT).startsWith("https://")) {
                n = "http://" + n;
            }
            n = n.replaceFirst("/+$", "");
            urls.add(n.endsWith("/solr") ? n : n + "/solr");
        }
        return new SolrTarget(urls, collection);
    }

    @Override
    public String toString() {
        return String.join(",", nodeUrls) + " / " + collection;
    }
}
