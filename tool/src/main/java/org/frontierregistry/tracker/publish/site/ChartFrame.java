package org.frontierregistry.tracker.publish.site;

import static org.frontierregistry.tracker.publish.site.ComputeChart.fmt;

import org.jsoup.nodes.Element;

/**
 * The frame the page's SVG charts share: the root element with its accessible title and description, grid lines
 * with their tick labels, the two axes and their labels. Sizes are in the SVG's own units (it scales to the page).
 */
record ChartFrame(int width, int height, int left, int right, int top, int bottom) {
    /**
     * Appends the {@code svg} root to {@code parent}, which must belong to a document whose parser keeps attribute
     * case (SVG's viewBox), because jsoup normalises attribute names with the owner document's settings.
     */
    Element svg(Element parent, String cssClass, String idPrefix, String title, String description) {
        Element svg = parent.appendElement("svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + width + " " + height)
                .attr("role", "img")
                .attr("aria-labelledby", idPrefix + "-title " + idPrefix + "-desc")
                .addClass(cssClass);
        svg.appendElement("title").attr("id", idPrefix + "-title").text(title);
        svg.appendElement("desc").attr("id", idPrefix + "-desc").text(description);
        return svg;
    }

    /** A horizontal grid line at {@code y}, labelled on the left. */
    void rowLine(Element g, double y, String label) {
        g.appendElement("line").addClass("grid").attr("x1", fmt(left)).attr("x2", fmt(width - right))
                .attr("y1", fmt(y)).attr("y2", fmt(y));
        g.appendElement("text").addClass("tick").attr("x", fmt(left - 8)).attr("y", fmt(y + 4))
                .attr("text-anchor", "end").text(label);
    }

    /** A vertical grid line at {@code x}, labelled below the axis. */
    void columnLine(Element g, double x, String label) {
        g.appendElement("line").addClass("grid").attr("x1", fmt(x)).attr("x2", fmt(x))
                .attr("y1", fmt(top)).attr("y2", fmt(height - bottom));
        g.appendElement("text").addClass("tick").attr("x", fmt(x)).attr("y", fmt(height - bottom + 20))
                .attr("text-anchor", "middle").text(label);
    }

    /** Both axes; the horizontal axis's label only when {@code xLabel} is not null. */
    void axes(Element g, String xLabel, String yLabel) {
        g.appendElement("line").addClass("axis").attr("x1", fmt(left)).attr("x2", fmt(width - right))
                .attr("y1", fmt(height - bottom)).attr("y2", fmt(height - bottom));
        g.appendElement("line").addClass("axis").attr("x1", fmt(left)).attr("x2", fmt(left))
                .attr("y1", fmt(top)).attr("y2", fmt(height - bottom));
        if (xLabel != null) {
            g.appendElement("text").addClass("axis-label").attr("x", fmt((left + width - right) / 2.0)).attr("y", fmt(height - 8))
                    .attr("text-anchor", "middle").text(xLabel);
        }
        double middle = (top + height - bottom) / 2.0;
        g.appendElement("text").addClass("axis-label").attr("x", "16").attr("y", fmt(middle))
                .attr("text-anchor", "middle").attr("transform", "rotate(-90 16 " + fmt(middle) + ")").text(yLabel);
    }
}
