package io.tessera.system.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import io.tessera.shared.ControlCharacters;

/**
 * Control characters in any JSON body bound to a record (views, macros, rules, SLA policies, routing,
 * agents…): refused with a 400 naming the field, as the ticket and customer APIs already do field by
 * field. PostgreSQL cannot store U+0000 at all, so without this the same request passed on H2 and failed
 * with a 500 on PostgreSQL. Checked here, after binding, rather than in the JSON reader: the same reader
 * also reads back stored events, where a customer's mail may hold any character.
 *
 * <p>Which field is a single line is known only to its module, so this check keeps tab and line breaks
 * everywhere; modules refuse line breaks in their one-line fields themselves.
 */
@RestControllerAdvice
class ControlCharacterCheck extends RequestBodyAdviceAdapter {

    /** A text value in a request body that holds a control character. */
    static final class ControlCharacterInBody extends RuntimeException {

        private final String field;

        ControlCharacterInBody(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final int MAX_DEPTH = 8;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converter) {
        check("", body, 0);
        return body;
    }

    private static void check(String path, Object value, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            String problem = ControlCharacters.inText(path.isEmpty() ? "body" : path, text);
            if (problem != null) {
                throw new ControlCharacterInBody(path, problem);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(path + "[" + i++ + "]", item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                check(path.isEmpty() ? key : path + "." + key, entry.getKey(), depth + 1);
                check(path.isEmpty() ? key : path + "." + key, entry.getValue(), depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
                check(name, read(component, value), depth + 1);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
