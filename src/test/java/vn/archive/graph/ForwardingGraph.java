package vn.archive.graph;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * A graph that forwards every question to another except the rooted trees, which it derives from the trees the way
 * {@link ReferenceGraph}'s defaults do (no root metadata, one directive at a time): tests override what they compare.
 */
public class ForwardingGraph implements ReferenceGraph {
    private final ReferenceGraph g;

    public ForwardingGraph(ReferenceGraph g) {
        this.g = g;
    }

    @Override
    public List<Citation> cites(String id) throws IOException {
        return g.cites(id);
    }

    @Override
    public List<Citation> citedBy(String id) throws IOException {
        return g.citedBy(id);
    }

    @Override
    public Optional<ImplementationNode> implementations(String number) throws IOException {
        return g.implementations(number);
    }

    @Override
    public Optional<ImplementationNode> implementations(String number, int maxNodes) throws IOException {
        return g.implementations(number, maxNodes);
    }

    @Override
    public Optional<ImplementationNode> implementationsOf(String id, int maxNodes) throws IOException {
        return g.implementationsOf(id, maxNodes);
    }

    @Override
    public Optional<vn.archive.text.GraphText> graphText(String id) throws IOException {
        return g.graphText(id);
    }

    @Override
    public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
        return g.deadlineBefore(day);
    }

    @Override
    public List<String> warnings(String id, Predicate<String> visible) throws IOException {
        return g.warnings(id, visible);
    }
}
