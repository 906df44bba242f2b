package dev.clinicflow.shared.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Builds a {@link ParameterObject} record from the query parameters named like its
 * components. Spring's data binder would do the same, but it inspects the record's
 * constructor and annotations again on every request (a quarter of the CPU time of a
 * patient lookup, measured); this reads them once per record type. A value that does not
 * convert is a 400 naming the parameter; a list takes every value of a repeated
 * parameter.
 */
@Configuration(proxyBeanMethods = false)
class QueryRecordBinding implements WebMvcConfigurer {

	private final ConversionService conversions;

	// lazy: MVC's conversion service is defined by the configuration that reads this one
	QueryRecordBinding(@Lazy @Qualifier("mvcConversionService") ConversionService conversions) {
		this.conversions = conversions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver(this.conversions));
	}

	static final class Resolver implements HandlerMethodArgumentResolver {

		private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);

		private static final TypeDescriptor TEXTS = TypeDescriptor.valueOf(String[].class);

		private final ConversionService conversions;

		private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

		Resolver(ConversionService conversions) {
			this.conversions = conversions;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord();
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
			Shape shape = this.shapes.computeIfAbsent(parameter.getParameterType(), Shape::of);
			Object[] values = new Object[shape.components().size()];
			List<InvalidField> errors = new ArrayList<>();
			for (int i = 0; i < values.length; i++) {
				Component component = shape.components().get(i);
				String[] given = request.getParameterValues(component.name());
				if (given == null || given.length == 0) {
					continue;
				}
				try {
					values[i] = component.list() ? this.conversions.convert(given, TEXTS, component.type())
							: this.conversions.convert(given[0], TEXT, component.type());
				}
				catch (ConversionException ex) {
					errors.add(new InvalidField(component.name(), "must be " + component.expected()));
				}
			}
			if (!errors.isEmpty()) {
				throw InvalidRequest.fields(errors);
			}
			try {
				return shape.constructor().newInstance(values);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			}
		}

	}

	/** A record's canonical constructor and components, read once. */
	record Shape(Constructor<?> constructor, List<Component> components) {

		static Shape of(Class<?> type) {
			RecordComponent[] parts = type.getRecordComponents();
			Constructor<?> constructor = canonical(type, parts);
			List<Component> components = new ArrayList<>();
			for (int i = 0; i < parts.length; i++) {
				Class<?> componentType = parts[i].getType();
				if (componentType.isPrimitive()) {
					throw new IllegalStateException(type.getName() + "." + parts[i].getName()
							+ " is primitive; query parameters may be absent");
				}
				boolean list = List.class.isAssignableFrom(componentType);
				components
					.add(new Component(parts[i].getName(), new TypeDescriptor(new MethodParameter(constructor, i)),
							list, JsonInputProblems.describe(list ? List.class : componentType)));
			}
			constructor.setAccessible(true);
			return new Shape(constructor, List.copyOf(components));
		}

		private static Constructor<?> canonical(Class<?> type, RecordComponent[] parts) {
			Class<?>[] types = new Class<?>[parts.length];
			for (int i = 0; i < parts.length; i++) {
				types[i] = parts[i].getType();
			}
			try {
				return type.getDeclaredConstructor(types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("no canonical constructor on " + type.getName(), ex);
			}
		}

	}

	/**
	 * A query parameter: its name, the type to convert it to, and how to say what is
	 * expected.
	 */
	record Component(String name, TypeDescriptor type, boolean list, String expected) {
	}

}
