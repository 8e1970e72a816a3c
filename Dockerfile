# One build, two images:
#   docker build --target web -t ruralmarket-web .       (also runs the one-shot `migrate` / `create-admin` commands)
#   docker build --target worker -t ruralmarket-worker .
# Without --target you get `web` (the last stage).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project and props files only: this restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/RuralMarket.Domain/RuralMarket.Domain.csproj src/RuralMarket.Domain/
COPY src/RuralMarket.Infrastructure/RuralMarket.Infrastructure.csproj src/RuralMarket.Infrastructure/
COPY src/RuralMarket.Web/RuralMarket.Web.csproj src/RuralMarket.Web/
COPY src/RuralMarket.Worker/RuralMarket.Worker.csproj src/RuralMarket.Worker/
RUN dotnet restore src/RuralMarket.Web/RuralMarket.Web.csproj \
 && dotnet restore src/RuralMarket.Worker/RuralMarket.Worker.csproj
COPY . .
# Directory.Build.props makes warnings errors, so the image fails to build on the same warnings CI rejects.
RUN dotnet publish src/RuralMarket.Web/RuralMarket.Web.csproj -c Release --no-restore -p:UseAppHost=false -o /out/web \
 && dotnet publish src/RuralMarket.Worker/RuralMarket.Worker.csproj -c Release --no-restore -p:UseAppHost=false -o /out/worker

# Both processes need the ASP.NET Core runtime: Infrastructure has a FrameworkReference to Microsoft.AspNetCore.App
# (Identity, data protection, health checks), so the worker would not start on dotnet/runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# ffmpeg/ffprobe: video transcoding, and /health/ready reports their absence.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
# Media, the mail drop and (single-container runs) the SQLite file; owned by the image's non-root user `app`.
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
ENV Storage__DataDirectory=/data
VOLUME /data
WORKDIR /app

FROM runtime AS worker
COPY --from=build /out/worker .
USER $APP_UID
ENTRYPOINT ["dotnet", "RuralMarket.Worker.dll"]

FROM runtime AS web
# curl only for the HEALTHCHECK below.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/web .
# URLS replaces the base image's HTTP_PORTS; emptying HTTP_PORTS avoids Kestrel's "overriding HTTP_PORTS" warning.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 8080
USER $APP_UID
# Liveness only: /health/ready also checks the database, which restarting this container would not fix.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "RuralMarket.Web.dll"]
