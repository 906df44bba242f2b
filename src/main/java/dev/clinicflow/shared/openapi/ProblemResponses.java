package dev.clinicflow.shared.openapi;

import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem responses an operation can give, derived from what the handler
 * declares: 400 when it takes input, 401 unless public, 403 when role-restricted, 404 for
 * addressed resources, 412 with {@code If-Match}, 409 and 422 for {@code Idempotency-Key}
 * on creating POSTs. Controllers declare the domain-specific ones themselves.
 */
@Component
class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

	private static final String PROBLEM = "#/components/schemas/Problem";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		boolean publicOperation = annotated(handler, SecurityRequirements.class);
		boolean takesInput = handler.getMethodParameters().length > 0;
		if (takesInput) {
			add(operation, "400", "Invalid input; `errors` names each rejected field.");
		}
		if (!publicOperation) {
			add(operation, "401", "Missing, expired or invalid access token.");
		}
		if (annotated(handler, PreAuthorize.class)) {
			add(operation, "403", "The caller's role does not allow this operation.");
		}
		if (Arrays.stream(handler.getMethodParameters())
			.anyMatch((p) -> p.hasParameterAnnotation(PathVariable.class))) {
			add(operation, "404", "No such resource in the caller's tenant.");
		}
		boolean ifMatch = Arrays.stream(handler.getMethodParameters())
			.map((p) -> p.getParameterAnnotation(RequestHeader.class))
			.anyMatch((header) -> header != null
					&& ("If-Match".equalsIgnoreCase(header.value()) || "If-Match".equalsIgnoreCase(header.name())));
		if (ifMatch) {
			add(operation, "412", "`If-Match` names a version that is no longer current.");
		}
		if (!publicOperation && handler.hasMethodAnnotation(PostMapping.class)) {
			add(operation, "409", "A request with the same `Idempotency-Key` is still in progress.");
			add(operation, "422", "The `Idempotency-Key` was used with a different request.");
		}
		add(operation, "500", "Unexpected error; quote `requestId`.");
		return operation;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		Schema<Object> invalidField = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
			.properties(Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(), "status",
					new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema().format("uri"),
					"code", new StringSchema().description("Stable machine-readable code"), "requestId",
					new StringSchema(), "errors", new ArraySchema().items(invalidField)));
		openApi.getComponents().addSchemas("Problem", problem);
		// Responses a controller declares with @ApiResponse get the method's return type
		// from springdoc; every error answer is a problem, whatever it declared.
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.values()
				.stream()
				.flatMap((path) -> path.readOperations().stream())
				.filter((operation) -> operation.getResponses() != null)
				.flatMap((operation) -> operation.getResponses().entrySet().stream())
				.filter((response) -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
				.forEach((response) -> response.getValue().setContent(problemContent()));
		}
	}

	private static Content problemContent() {
		return new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<Object>().$ref(PROBLEM)));
	}

	private static boolean annotated(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> type) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), type)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), type);
	}

	private static void add(Operation operation, String status, String description) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
	}

}
