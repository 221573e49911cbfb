package io.vigil.web.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter the endpoint does not take (400, naming it and listing the accepted
 * ones), so that a misspelt or guessed filter ({@code ?resource=db01}) fails instead of silently
 * answering everything. Accepted are the names of the handler method's {@code @RequestParam}s,
 * its un-annotated simple parameters (Spring binds those to request parameters too), the
 * properties of its {@code @ModelAttribute}s, and — for the list of accepted names — what other
 * handlers of the same path and HTTP method take (GET /api/v1/services and its {@code format}
 * export). A handler taking a {@code @RequestParam Map} accepts anything.
 */
final class QueryParameterCheck implements HandlerInterceptor {

    /** The names a handler accepts; {@code any} when it takes every parameter. */
    private record Accepted(boolean any, Set<String> own, Set<String> forPath) {
    }

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

    /** @param mappings the application's handler mapping; looked up late, since it is built with this interceptor */
    QueryParameterCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Set<String> sent = names(request.getQueryString());
        if (sent.isEmpty() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Accepted names = accepted.computeIfAbsent(method.getMethod(), this::accepted);
        List<String> unknown = names.any() ? List.of() : sent.stream().filter(n -> !names.own().contains(n)).toList();
        if (unknown.isEmpty()) {
            return true;
        }
        String endpoint = request.getMethod() + " " + request.getRequestURI().substring(request.getContextPath().length());
        String detail = (unknown.size() == 1 ? "unknown query parameter \"" : "unknown query parameters \"")
                + String.join("\", \"", unknown) + "\": " + endpoint
                + (names.forPath().isEmpty() ? " takes no query parameters" : " takes " + String.join(", ", names.forPath()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("unknown", unknown);
        problem.setProperty("accepted", names.forPath());
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The distinct parameter names of a query string, decoded, in order of name. */
    static Set<String> names(String query) {
        if (query == null || query.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!name.isEmpty()) {
                names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    private Accepted accepted(Method method) {
        Set<String> own = new TreeSet<>();
        if (bindsEveryName(method, own)) {
            return new Accepted(true, Set.of(), Set.of());
        }
        Map<RequestMappingInfo, HandlerMethod> all = mappings.getObject().getHandlerMethods();
        List<RequestMappingInfo> mine = all.entrySet().stream().filter(e -> e.getValue().getMethod().equals(method))
                .map(Map.Entry::getKey).toList();
        mine.forEach(info -> own.addAll(required(info)));
        Set<String> forPath = new TreeSet<>(own);
        all.forEach((info, other) -> {
            if (mine.stream().anyMatch(m -> samePathAndMethod(m, info))) {
                bindsEveryName(other.getMethod(), forPath);
                forPath.addAll(required(info));
            }
        });
        return new Accepted(false, Collections.unmodifiableSet(own), Collections.unmodifiableSet(forPath));
    }

    /** The parameters a mapping requires to be present ({@code params = "format"}). */
    private static List<String> required(RequestMappingInfo info) {
        return info.getParamsCondition().getExpressions().stream().filter(e -> !e.isNegated()).map(e -> e.getName()).toList();
    }

    private static boolean samePathAndMethod(RequestMappingInfo one, RequestMappingInfo other) {
        Set<RequestMethod> methods = one.getMethodsCondition().getMethods();
        Set<RequestMethod> otherMethods = other.getMethodsCondition().getMethods();
        return !Collections.disjoint(one.getPatternValues(), other.getPatternValues())
                && (methods.isEmpty() || otherMethods.isEmpty() || !Collections.disjoint(methods, otherMethods));
    }

    /** Adds the parameter names {@code method} binds to {@code names}; true when it binds every name (a {@code @RequestParam Map}). */
    private static boolean bindsEveryName(Method method, Set<String> names) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                String name = StringUtils.hasText(requestParam.name()) ? requestParam.name() : requestParam.value();
                if (!StringUtils.hasText(name) && Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return true;
                }
                names.add(StringUtils.hasText(name) ? name : parameter.getParameterName());
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                names.addAll(properties(parameter.getParameterType()));
            } else if (!parameter.hasParameterAnnotations() && BeanUtils.isSimpleProperty(parameter.getParameterType())) {
                names.add(parameter.getParameterName());
            }
        }
        return false;
    }

    private static List<String> properties(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(p -> p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName).toList();
    }
}
