#!/usr/bin/env python3
"""Writes examples/todo-app/rendered-broken.yaml: the clean render with five realistic mistakes.

Each edit is one a team makes in practice; `make example` re-renders the chart and runs this.
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "examples" / "todo-app"
text = (root / "rendered.yaml").read_text()


def edit(old: str, new: str) -> None:
    global text
    if old not in text:
        sys.exit(f"make-broken-example: expected text not found in rendered.yaml:\n{old}")
    text = text.replace(old, new, 1)


# 1. A literal database URL pasted over the secretKeyRef "to test quickly".
edit("""            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: todo-app-secrets
                  key: DATABASE_URL
            - name: JWT_SECRET""", """            - name: DATABASE_URL
              value: postgresql://todo:Tr0ub4dor-3@postgres.todo-app:5432/todo
            - name: JWT_SECRET""")
# 2. The backend forced to root "to fix a volume permission".
edit("""            readOnlyRootFilesystem: true
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
---""", """            readOnlyRootFilesystem: true
            runAsUser: 0
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
---""")
# 3. The backend's memory limit dropped while tuning.
edit("""            limits:
              cpu: 500m
              memory: 512Mi""", """            limits:
              cpu: 500m""")
# 4. The frontend's readiness probe removed because "it was flaky".
edit("""          readinessProbe:
            httpGet:
              path: /api/health
              port: http
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
""", "")
# 5. The component label emitted twice on the frontend pod template (helper + template).
edit("""        app.kubernetes.io/component: frontend
    spec:""", """        app.kubernetes.io/component: frontend
        app.kubernetes.io/component: web
    spec:""")
(root / "rendered-broken.yaml").write_text(text)
