package dpcsim.report.html;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads dpcsim's pages as XML (they are written well-formed), for tests in any package. */
public final class XmlPage {
  private XmlPage() {}

  /**
   * @return the page parsed as XML
   * @throws AssertionError if it is not well-formed
   */
  public static Document parse(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
    }
  }

  /**
   * @return the elements named {@code tag} that have attribute {@code attr}, in document order
   */
  public static List<Element> withAttribute(Document doc, String tag, String attr) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute(attr)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * @return the child elements of {@code parent} named {@code tag}, by their {@code attr} value (in
   *     document order)
   */
  public static Map<String, Element> childrenBy(Element parent, String tag, String attr) {
    Map<String, Element> out = new LinkedHashMap<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag) && e.hasAttribute(attr)) {
        if (out.put(e.getAttribute(attr), e) != null) {
          throw new AssertionError("two " + tag + " with " + attr + "=" + e.getAttribute(attr));
        }
      }
    }
    return out;
  }

  /**
   * @return the text of each child element of {@code row} ({@code th} and {@code td}), in order
   */
  public static List<String> cellTexts(Element row) {
    List<String> out = new ArrayList<>();
    for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }
}
