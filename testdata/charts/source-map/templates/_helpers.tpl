{{/* A name: a define that yields one line, used inside other text. */}}
{{- define "mapped.fullname" -}}
{{- printf "%s-web" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels: a YAML fragment, used with include | nindent. */}}
{{- define "mapped.labels" -}}
app.kubernetes.io/name: web
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The container's security context; one mistake inside the define. */}}
{{- define "mapped.containerSecurity" -}}
allowPrivilegeEscalation: false {{/* expect: privilege-escalation-allowed */}}
readOnlyRootFilesystem: true
privileged: true {{/* expect: privileged-container */}}
capabilities:
  drop: [ALL]
{{- end }}

{{/* Pod extras that go through fromYaml and back through a variable: comments are lost. */}}
{{- define "mapped.podExtras" -}}
hostNetwork: true {{/* expect: host-namespace-shared */}}
dnsPolicy: ClusterFirstWithHostNet
{{- end }}

{{/* A whole pod template written back inline, `include | fromYaml | toYaml` (the traefik pattern):
toYaml sorts the keys, so the lines come back in another order. */}}
{{- define "mapped.workerPod" -}}
metadata:
  labels:
    app.kubernetes.io/name: worker
spec:
  containers:
    - name: worker
      image: registry.example.com/worker:1.4.2
      securityContext:
        runAsNonRoot: true
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: true {{/* expect: privilege-escalation-allowed */}}
        capabilities:
          drop: [ALL]
      resources:
        requests: {cpu: 10m, memory: 32Mi}
        limits: {cpu: 100m, memory: 64Mi}
{{- end }}

{{/* One Deployment per entry of .Values.components, the entry as the dot. The include that calls
it ends in `-}}`, which trims the blank after the define's last line (a label value). */}}
{{- define "mapped.component" }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-{{ .name }}
  labels:
    app.kubernetes.io/name: {{ .name }}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ .name }}
  template:
    spec:
      containers:
        - name: {{ .name }}
          image: registry.example.com/{{ .name }}:1.0.0
          securityContext:
            {{- toYaml .securityContext | nindent 12 }}
          resources:
            {{- toYaml .resources | nindent 12 }}
    metadata:
      labels:
        app.kubernetes.io/name: {{ .name }}
{{- end }}
