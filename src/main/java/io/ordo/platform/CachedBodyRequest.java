package io.ordo.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.MultiValueMap;

/**
 * A request whose body has been read once, up front (by {@link RequestBodyLimitFilter}), and can be read again. The
 * container parses a form's fields from the body only if no one read it, so a form's fields (the console's sign-in
 * and its CSRF token) are parsed here, from the bytes read, after the query string's.
 */
public class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The body, already read: filters after the body-size limit can look at it without consuming it. */
    public byte[] body() {
        return body;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            parameters = withFormFields(super.getParameterMap());
        }
        return parameters;
    }

    private Map<String, String[]> withFormFields(Map<String, String[]> query) {
        String type = getContentType();
        if (type == null
                || body.length == 0
                || !MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type))) {
            return query;
        }
        Map<String, String[]> all = new LinkedHashMap<>(query);
        formFields(type)
                .forEach((name, values) -> all.merge(name, values.toArray(String[]::new), CachedBodyRequest::both));
        return Collections.unmodifiableMap(all);
    }

    private MultiValueMap<String, String> formFields(String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        HttpInputMessage message = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        try {
            return new FormHttpMessageConverter().read(null, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] both(String[] first, String[] second) {
        List<String> values = new ArrayList<>(List.of(first));
        values.addAll(List.of(second));
        return values.toArray(String[]::new);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(
                getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
}
