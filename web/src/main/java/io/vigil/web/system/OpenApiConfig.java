package io.vigil.web.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description (/v3/api-docs, /swagger-ui.html): both ways to authenticate, so "Authorize" works. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vigil API").version("v1")
                        .description("Events in, incidents and the audit trail out. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token (vgl_...) from POST /api/v1/tokens"))
                        .addSecuritySchemes("user", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a console user's name and password")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("user"));
    }
}
